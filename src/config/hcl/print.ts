// Prints the AST back to HCL source. The output parses back to an equivalent tree (same node kinds and
// values; heredocs come back as quoted strings and full splats stand in for attribute-only ones, which
// evaluate the same), so it serves messages, debugging and round-trip tests. Parentheses are added only
// where precedence requires them; a tree from the parser already carries its own paren nodes.
import type { Attribute, Block, Body, Expr, LiteralExpr, TemplateExpr, Traverser } from './ast.js';
import { BigFloat, formatNumber } from './values.js';

const PREC: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};
const UNARY_PREC = 7;
const TERM_PREC = 8;

function precedence(e: Expr): number {
  switch (e.kind) {
    case 'conditional':
      return 0;
    case 'binary':
      return PREC[e.op]!;
    case 'unary':
      return UNARY_PREC;
    default:
      return TERM_PREC;
  }
}

const IDENT = /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u;

function isIdent(s: string): boolean {
  return IDENT.test(s);
}

/** Escapes text for use inside a quoted HCL string (template sequences are escaped too). */
export function escapeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const code = s.charCodeAt(i);
    if (c === '\\') out += '\\\\';
    else if (c === '"') out += '\\"';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if ((c === '$' || c === '%') && s[i + 1] === '{') out += c + c;
    else if (code < 0x20 || code === 0x7f) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += c;
  }
  return out;
}

function printLiteral(v: LiteralExpr['value']): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number' || v instanceof BigFloat) return formatNumber(v); // every digit: it reads back as the same value
  return `"${escapeString(v)}"`;
}

function printSteps(steps: Traverser[]): string {
  let out = '';
  for (const s of steps) {
    if (s.kind === 'attr') out += '.' + s.name;
    else if (s.kind === 'legacyIndex') out += '.' + s.index;
    else out += '[' + printExpr(s.key) + ']';
  }
  return out;
}

/** The inside of a template's quotes. */
function printTemplateContent(t: TemplateExpr): string {
  let out = '';
  for (const p of t.parts) {
    if (p.kind === 'literal' && typeof p.value === 'string') out += escapeString(p.value);
    else if (p.kind === 'templateIf') {
      out += `%{ if ${printExpr(p.condition)} }${printTemplateContent(p.then)}`;
      if (p.else) out += `%{ else }${printTemplateContent(p.else)}`;
      out += '%{ endif }';
    } else if (p.kind === 'templateFor') {
      const vars = p.keyVar !== undefined ? `${p.keyVar}, ${p.valVar}` : p.valVar;
      out += `%{ for ${vars} in ${printExpr(p.collection)} }${printTemplateContent(p.body)}%{ endfor }`;
    } else out += '${' + printExpr(p) + '}';
  }
  return out;
}

/** A traversal source: wrapped in parentheses unless it is a term. */
function printSource(e: Expr): string {
  const s = printExpr(e);
  return precedence(e) < TERM_PREC ? `(${s})` : s;
}

/** Prints an expression as HCL source. */
export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'literal':
      return printLiteral(e.value);
    case 'template':
      return `"${printTemplateContent(e)}"`;
    case 'templateWrap':
      return '"${' + printExpr(e.wrapped) + '}"';
    case 'scopeTraversal':
      return e.root + printSteps(e.traversal);
    case 'relativeTraversal':
      return printSource(e.source) + printSteps(e.traversal);
    case 'index':
      return `${printSource(e.collection)}[${printExpr(e.key)}]`;
    case 'splat':
      return `${printSource(e.source)}[*]${printExpr(e.each)}`;
    case 'splatItem':
      return ''; // the element a splat's `each` starts from: printed by the splat itself
    case 'call':
      return `${e.name}(${e.args.map(printExpr).join(', ')}${e.expandFinal ? '...' : ''})`;
    case 'conditional': {
      const c = precedence(e.condition) === 0 ? `(${printExpr(e.condition)})` : printExpr(e.condition);
      return `${c} ? ${printExpr(e.trueResult)} : ${printExpr(e.falseResult)}`;
    }
    case 'binary': {
      const p = PREC[e.op]!;
      const l = precedence(e.left) < p ? `(${printExpr(e.left)})` : printExpr(e.left);
      const r = precedence(e.right) <= p ? `(${printExpr(e.right)})` : printExpr(e.right);
      return `${l} ${e.op} ${r}`;
    }
    case 'unary': {
      const o = precedence(e.operand) < UNARY_PREC ? `(${printExpr(e.operand)})` : printExpr(e.operand);
      return e.op + o;
    }
    case 'tuple':
      return `[${e.items.map(printExpr).join(', ')}]`;
    case 'object': {
      if (e.items.length === 0) return '{}';
      const items = e.items.map((it) => {
        let k: string;
        if (it.keyIsBareName && it.key.kind === 'literal' && typeof it.key.value === 'string') {
          k = isIdent(it.key.value) ? it.key.value : printLiteral(it.key.value);
        } else if (it.key.kind === 'scopeTraversal' && it.key.traversal.length === 0) {
          k = `(${printExpr(it.key)})`; // a bare name would be read as a literal key
        } else k = printExpr(it.key);
        return `${k} = ${printExpr(it.value)}`;
      });
      return `{ ${items.join(', ')} }`;
    }
    case 'for': {
      const vars = e.keyVar !== undefined ? `${e.keyVar}, ${e.valVar}` : e.valVar;
      const body = e.keyExpr ? `${printExpr(e.keyExpr)} => ${printExpr(e.valExpr)}` : printExpr(e.valExpr);
      const group = e.grouping ? '...' : '';
      const cond = e.condition ? ` if ${printExpr(e.condition)}` : '';
      const [open, close] = e.keyExpr ? ['{', '}'] : ['[', ']'];
      return `${open}for ${vars} in ${printExpr(e.collection)} : ${body}${group}${cond}${close}`;
    }
    case 'paren':
      return `(${printExpr(e.inner)})`;
    case 'templateIf':
    case 'templateFor':
      return `"${printTemplateContent({ kind: 'template', parts: [e], range: e.range })}"`;
  }
}

function printAttribute(a: Attribute, indent: string): string {
  return `${indent}${a.name} = ${printExpr(a.expr)}\n`;
}

function printBlock(b: Block, indent: string): string {
  const labels = b.labels.map((l) => ` ${printLiteral(l)}`).join('');
  return `${indent}${b.type}${labels} {\n${printBody(b.body, indent + '  ')}${indent}}\n`;
}

/** Prints a body: attributes first, then blocks (the AST keeps them in separate lists). */
export function printBody(body: Body, indent = ''): string {
  let out = '';
  for (const a of body.attributes) out += printAttribute(a, indent);
  for (const b of body.blocks) out += printBlock(b, indent);
  return out;
}
