// The syntax tree of HCL native syntax: a file is a Body of attributes and blocks; attribute values are Exprs.
// Every node carries a Range so errors can name file, line and column.
import type { BigFloat } from './bigfloat.js';

export interface Pos {
  line: number; // 1-based
  column: number; // 1-based, in characters
  offset: number; // 0-based character offset
}

export interface Range {
  filename: string;
  start: Pos;
  end: Pos;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
  range: Range;
}

export interface Attribute {
  name: string;
  expr: Expr;
  range: Range; // the whole `name = expr`
  nameRange: Range;
}

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  range: Range; // from the type name to the closing brace
  typeRange: Range;
}

export type Expr =
  | LiteralExpr
  | TemplateExpr
  | TemplateWrapExpr
  | ScopeTraversalExpr
  | RelativeTraversalExpr
  | IndexExpr
  | SplatExpr
  | FunctionCallExpr
  | ConditionalExpr
  | BinaryOpExpr
  | UnaryOpExpr
  | TupleExpr
  | ObjectExpr
  | ForExpr
  | ParenExpr
  | TemplateIfExpr
  | TemplateForExpr
  | SplatItemExpr;

export interface LiteralExpr {
  kind: 'literal';
  value: null | boolean | number | BigFloat | string;
  range: Range;
}

/** A quoted string or heredoc with interpolations/directives; parts are concatenated after conversion to string. */
export interface TemplateExpr {
  kind: 'template';
  parts: Expr[];
  range: Range;
}

/** A template that is exactly one interpolation ("${x}"): its value is x's value unconverted, as in HCL. */
export interface TemplateWrapExpr {
  kind: 'templateWrap';
  wrapped: Expr;
  range: Range;
}

export type Traverser =
  | { kind: 'attr'; name: string; range: Range }
  | { kind: 'index'; key: Expr; range: Range } // [expr]; a literal key keeps its literal
  | { kind: 'legacyIndex'; index: number; range: Range }; // .0 (attribute-style numeric index)

/** `name.attr[0].x`: a root variable followed by static traversal steps. */
export interface ScopeTraversalExpr {
  kind: 'scopeTraversal';
  root: string;
  rootRange: Range;
  traversal: Traverser[];
  range: Range;
}

/** `expr.attr`, `expr[0]` applied to a non-variable expression, e.g. `f(x).y`. */
export interface RelativeTraversalExpr {
  kind: 'relativeTraversal';
  source: Expr;
  traversal: Traverser[];
  range: Range;
}

/** `expr[key]` where key is a dynamic expression (kept separate from traversals for clarity). */
export interface IndexExpr {
  kind: 'index';
  collection: Expr;
  key: Expr;
  range: Range;
}

/**
 * `source[*].a.b` (full splat) or `source.*.a` (attribute-only splat). `each` is evaluated per element
 * with the element bound to the anonymous symbol `splatItem`.
 */
export interface SplatExpr {
  kind: 'splat';
  source: Expr;
  each: Expr; // refers to the element via a SplatItemExpr-rooted relativeTraversal
  range: Range;
}

export interface FunctionCallExpr {
  kind: 'call';
  name: string;
  nameRange: Range;
  /** From the name to the open parenthesis: what HCL points at for an error in the call itself. */
  startRange: Range;
  args: Expr[];
  expandFinal: boolean; // f(a, list...)
  range: Range;
}

export interface ConditionalExpr {
  kind: 'conditional';
  condition: Expr;
  trueResult: Expr;
  falseResult: Expr;
  range: Range;
}

export type BinaryOperator =
  | '||'
  | '&&'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%';

export interface BinaryOpExpr {
  kind: 'binary';
  op: BinaryOperator;
  left: Expr;
  right: Expr;
  range: Range;
}

export interface UnaryOpExpr {
  kind: 'unary';
  op: '!' | '-';
  operand: Expr;
  range: Range;
}

export interface TupleExpr {
  kind: 'tuple';
  items: Expr[];
  range: Range;
}

export interface ObjectItem {
  /** A bare identifier key is a literal string (HCL); `(expr)` or any other expression is evaluated. */
  key: Expr;
  keyIsBareName: boolean;
  value: Expr;
}

export interface ObjectExpr {
  kind: 'object';
  items: ObjectItem[];
  range: Range;
}

export interface ForExpr {
  kind: 'for';
  keyVar?: string;
  valVar: string;
  collection: Expr;
  keyExpr?: Expr; // present for the object form {for k, v in x : key => value}
  valExpr: Expr;
  condition?: Expr;
  grouping: boolean; // value...
  range: Range;
}

export interface ParenExpr {
  kind: 'paren';
  inner: Expr;
  range: Range;
}

/** The anonymous element of a splat (used only inside SplatExpr.each). */
export interface SplatItemExpr {
  kind: 'splatItem';
  range: Range;
}

/** %{ if cond }…%{ else }…%{ endif } inside a template. */
export interface TemplateIfExpr {
  kind: 'templateIf';
  condition: Expr;
  then: TemplateExpr;
  else?: TemplateExpr;
  range: Range;
}

/** %{ for k, v in coll }…%{ endfor } inside a template. */
export interface TemplateForExpr {
  kind: 'templateFor';
  keyVar?: string;
  valVar: string;
  collection: Expr;
  body: TemplateExpr;
  range: Range;
}
