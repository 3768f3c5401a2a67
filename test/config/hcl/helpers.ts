// Shared test fixtures: a small stub function library (the real one is written elsewhere and must not be a
// dependency of these tests) and an evaluation scope with lazy `local`, `include` and `dependency` roots.
import { LazyObject, type EvalScope } from '../../../src/config/hcl/eval.js';
import { FunctionError, type FunctionTable } from '../../../src/config/hcl/functions.js';
import { asNumber, asString } from '../../../src/config/hcl/convert.js';
import { formatNumber, isObject, type Value, type ValueObject } from '../../../src/config/hcl/values.js';

function sorted(o: ValueObject): ValueObject {
  const out: ValueObject = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k]!;
  return out;
}

/** Minimal, Terraform-like implementations of the functions the tests call. */
export const stubFunctions: FunctionTable = {
  upper: { params: ['str'], impl: ([s]) => asString(s!).toUpperCase() },
  lower: { params: ['str'], impl: ([s]) => asString(s!).toLowerCase() },
  tostring: { params: ['v'], impl: ([v]) => (v === null ? null : asString(v!)) },
  tonumber: { params: ['v'], impl: ([v]) => (v === null ? null : asNumber(v!)) },
  substr: {
    params: ['str', 'offset', 'length'],
    impl: ([s, o, l]) => {
      const str = asString(s!);
      const len = asNumber(l!);
      return str.substr(asNumber(o!), len < 0 ? undefined : len);
    },
  },
  length: {
    params: ['value'],
    impl: ([v]) => {
      if (typeof v === 'string') return [...v].length;
      if (Array.isArray(v)) return v.length;
      if (isObject(v)) return Object.keys(v).length;
      throw new FunctionError('argument must be a string, a collection type, or a structural type', 0);
    },
  },
  join: {
    params: ['separator'],
    variadic: 'lists',
    impl: ([sep, ...lists]) => lists.flatMap((l) => (l as Value[]).map((x) => asString(x))).join(asString(sep!)),
  },
  concat: { params: [], variadic: 'seqs', impl: (lists) => lists.flatMap((l) => l as Value[]) },
  merge: {
    params: [],
    variadic: 'maps',
    impl: (maps) => {
      const out: ValueObject = {};
      for (const m of maps) if (m !== null) Object.assign(out, m as ValueObject);
      return sorted(out);
    },
  },
  keys: { params: ['inputMap'], impl: ([m]) => Object.keys(m as ValueObject).sort() },
  values: { params: ['mapping'], impl: ([m]) => Object.keys(m as ValueObject).sort().map((k) => (m as ValueObject)[k]!) },
  lookup: {
    params: ['inputMap', 'key', 'default'],
    optional: 1,
    impl: ([m, k, d]) => {
      const key = asString(k!);
      const obj = m as ValueObject;
      if (Object.prototype.hasOwnProperty.call(obj, key)) return obj[key]!;
      if (d !== undefined) return d;
      throw new FunctionError('lookup failed to find key "' + key + '"');
    },
  },
  coalesce: { params: [], variadic: 'vals', impl: (vals) => vals.find((v) => v !== null && v !== '') ?? null },
  replace: { params: ['str', 'substr', 'replace'], impl: ([s, a, b]) => asString(s!).split(asString(a!)).join(asString(b!)) },
  split: { params: ['separator', 'str'], impl: ([sep, s]) => asString(s!).split(asString(sep!)) },
  trimspace: { params: ['str'], impl: ([s]) => asString(s!).trim() },
  basename: { params: ['path'], impl: ([p]) => asString(p!).split('/').pop()! },
  dirname: { params: ['path'], impl: ([p]) => asString(p!).split('/').slice(0, -1).join('/') || '.' },
  format: {
    params: ['format'],
    variadic: 'args',
    impl: ([f, ...args]) => {
      let i = 0;
      return asString(f!).replace(/%([sdv%])/g, (_, c: string) => {
        if (c === '%') return '%';
        const a = args[i++];
        if (a === undefined) throw new FunctionError('not enough arguments for format string');
        return c === 'd' ? formatNumber(asNumber(a)) : typeof a === 'string' ? a : JSON.stringify(a);
      });
    },
  },
  jsonencode: { params: ['val'], impl: ([v]) => JSON.stringify(v) },
  yamlencode: { params: ['val'], impl: ([v]) => JSON.stringify(v) },
  tomap: { params: ['v'], impl: ([v]) => v! },
  tolist: { params: ['v'], impl: ([v]) => v! },
  toset: { params: ['v'], impl: ([v]) => [...new Set((v as Value[]).map((x) => JSON.stringify(x)))].sort().map((x) => JSON.parse(x) as Value) },
  flatten: { params: ['list'], impl: ([l]) => (l as Value[]).flat(Infinity as 1) as Value[] },
  contains: { params: ['list', 'value'], impl: ([l, v]) => (l as Value[]).some((x) => JSON.stringify(x) === JSON.stringify(v)) },
  element: { params: ['list', 'index'], impl: ([l, i]) => (l as Value[])[asNumber(i!) % (l as Value[]).length]! },
  max: {
    params: [],
    variadic: 'numbers',
    impl: (ns) => {
      if (ns.length === 0) throw new FunctionError('must pass at least one number');
      return Math.max(...ns.map((n) => asNumber(n)));
    },
  },
  fail: {
    params: ['msg'],
    impl: ([m]) => {
      throw new FunctionError(asString(m!), 0);
    },
  },
  // Terragrunt built-ins, stubbed with fixed answers.
  find_in_parent_folders: { params: ['name', 'fallback'], optional: 2, impl: ([n]) => `/repo/${n === undefined ? 'root.hcl' : asString(n)}` },
  path_relative_to_include: { params: ['name'], optional: 1, impl: () => 'live/prod/vpc' },
  path_relative_from_include: { params: ['name'], optional: 1, impl: () => '../../..' },
  get_terragrunt_dir: { params: [], impl: () => '/repo/live/prod/vpc' },
  get_parent_terragrunt_dir: { params: ['name'], optional: 1, impl: () => '/repo' },
  get_repo_root: { params: [], impl: () => '/repo' },
  get_env: { params: ['name', 'default'], optional: 1, impl: ([n, d]) => (asString(n!) === 'TG_ENV' ? 'prod' : (d ?? '')) },
  get_aws_account_id: { params: [], impl: () => '123456789012' },
  get_terraform_commands_that_need_vars: { params: [], impl: () => ['apply', 'plan', 'destroy'] },
  get_terraform_commands_that_need_locking: { params: [], impl: () => ['apply', 'destroy'] },
  read_terragrunt_config: { params: ['path', 'default'], optional: 1, impl: () => ({ locals: { region: 'eu-west-1' } }) },
  file: { params: ['path'], impl: ([p]) => `contents of ${asString(p!)}` },
  fileexists: { params: ['path'], impl: ([p]) => asString(p!).endsWith('.yaml') },
  yamldecode: { params: ['src'], impl: () => ({ env: 'prod', tags: { team: 'platform' } }) },
};

export const testLocals: ValueObject = {
  env: 'prod',
  region: 'eu-west-1',
  account_id: '123456789012',
  name: 'vpc',
  count: 3,
  enabled: true,
  azs: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  tags: { Owner: 'platform', Env: 'prod' },
  subnets: { private: ['10.0.1.0/24', '10.0.2.0/24'], public: ['10.0.101.0/24'] },
  instances: [
    { name: 'a', size: 'small' },
    { name: 'b', size: 'large' },
  ],
  empty: [],
  nothing: null,
  key_name: 'dynamic_key',
  cidr: '10.0.0.0/16',
};

export const testDependencies: ValueObject = {
  vpc: { outputs: { vpc_id: 'vpc-123', private_subnet_ids: ['subnet-1', 'subnet-2'], cidr: '10.0.0.0/16' } },
  db: { outputs: { endpoint: 'db.example:5432', port: 5432 } },
};

export const testInclude: ValueObject = {
  root: { locals: { project: 'acme', state_bucket: 'acme-tf-state' }, inputs: { project: 'acme' } },
};

/** A LazyObject over a plain object that records which keys were read. */
export function lazyOver(values: ValueObject, reads?: string[]): LazyObject {
  return new LazyObject(
    (k) => {
      reads?.push(k);
      return Object.prototype.hasOwnProperty.call(values, k) ? values[k] : undefined;
    },
    () => Object.keys(values),
  );
}

export function testScope(extra: Record<string, Value | LazyObject> = {}): EvalScope {
  const roots: Record<string, Value | LazyObject> = {
    local: lazyOver(testLocals),
    dependency: lazyOver(testDependencies),
    include: lazyOver(testInclude),
    ...extra,
  };
  return {
    variable: (name) => (Object.prototype.hasOwnProperty.call(roots, name) ? roots[name] : undefined),
    functions: stubFunctions,
    fnContext: { baseDir: '/repo', renderTemplate: () => null },
  };
}
