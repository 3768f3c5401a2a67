// Terraform's built-in function library over our plain-JS value model, one module per family.
// try() and can() are not here: they need unevaluated arguments, so the evaluator implements them.
//
// Error convention: a FunctionError with an argIndex is about one argument and reads, in Terraform's
// words, `Invalid value for "<param>" parameter: <message>.` (the parameter being params[argIndex], or the
// variadic parameter beyond them); without one it reads `Call to function "<name>" failed: <message>.`

import type { FunctionTable } from '../../hcl/functions.js';
import { collectionFunctions } from './collection.js';
import { cryptoFunctions } from './crypto.js';
import { dateFunctions } from './date.js';
import { encodingFunctions } from './encoding.js';
import { filesystemFunctions } from './filesystem.js';
import { networkFunctions } from './network.js';
import { numericFunctions } from './numeric.js';
import { stringFunctions } from './string.js';
import { typeFunctions } from './type.js';

export const terraformFunctions: FunctionTable = {
  ...stringFunctions,
  ...collectionFunctions,
  ...typeFunctions,
  ...encodingFunctions,
  ...filesystemFunctions,
  ...cryptoFunctions,
  ...numericFunctions,
  ...networkFunctions,
  ...dateFunctions,
};
