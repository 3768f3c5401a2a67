// Fake terraform executables for the benchmark, written as shell scripts so that a module's run costs one
// fork/exec of a shell and nothing else (a node-based fake would cost ~40 ms of start-up per module and
// drown what we measure).

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function script(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  chmodSync(file, 0o755);
  return file;
}

/** `exit 0` for every command: the cheapest terraform there is. */
export function noopFake(dir) {
  return script(path.join(dir, 'noop', 'terraform'), '#!/bin/sh\nexit 0\n');
}

/** Like noopFake, but appends "<args> | <cwd>" to `log` (shell builtins only), to count what tgo spawns. */
export function countingFake(dir, log) {
  return script(path.join(dir, 'counting', 'terraform'), `#!/bin/sh\necho "$* | $PWD" >> '${log}'\nexit 0\n`);
}

/**
 * For the scheduling figure: `plan`/`apply` sleep the seconds written in ./bench-sleep and append
 * "<cwd> <start> <end>" (epoch seconds, µs precision, bash's EPOCHREALTIME) to `log`; everything else exits 0.
 */
export function sleepFake(dir, log) {
  return script(path.join(dir, 'sleep', 'terraform'), `#!/bin/bash
case " $* " in
  *" plan "*|*" apply "*) ;;
  *) exit 0 ;;
esac
read -r s < bench-sleep
t0=\${EPOCHREALTIME:-$(date +%s.%N)}
sleep "$s"
t1=\${EPOCHREALTIME:-$(date +%s.%N)}
echo "$PWD $t0 $t1" >> '${log}'
exit 0
`);
}

/**
 * For figure 8: the real terraform behind a bash wrapper that appends "<cwd>\t<command>\t<start>\t<end>" (epoch
 * seconds, bash's EPOCHREALTIME) to `log` for every process, one printf per line so concurrent lines stay whole.
 */
export function timingWrapper(dir, log, real) {
  return script(path.join(dir, 'terraform'), `#!/bin/bash
t0=$EPOCHREALTIME
'${real}' "$@"
rc=$?
printf '%s\\t%s\\t%s\\t%s\\n' "$PWD" "$1" "$t0" "$EPOCHREALTIME" >> '${log}'
exit $rc
`);
}
