// Zero-overhead simulations of list scheduling on a DAG with known work per node, to tell the scheduling
// policy's own cost from tgo's overhead: what the best possible implementation of a policy would achieve.

/**
 * Simulate p workers. `pick(queue)` chooses the index of the next ready node to start. Ready nodes enter the
 * queue in tgo's order: initially sorted by id, then as their last dependency finishes (dependents in id
 * order). Returns the makespan.
 */
function simulate(work, deps, p, pick) {
  const ids = [...work.keys()].sort();
  const remaining = new Map();
  const waiters = new Map();
  for (const id of ids) {
    const d = [...new Set(deps.get(id) ?? [])];
    remaining.set(id, d.length);
    for (const x of d) waiters.set(x, [...(waiters.get(x) ?? []), id]);
  }
  const queue = ids.filter((id) => remaining.get(id) === 0);
  let running = []; // { id, end }
  let now = 0;
  let done = 0;
  const limit = Number.isFinite(p) ? p : Infinity;
  while (done < ids.length) {
    while (running.length < limit && queue.length > 0) {
      const id = queue.splice(pick(queue), 1)[0];
      running.push({ id, end: now + work.get(id) });
    }
    now = Math.min(...running.map((r) => r.end));
    const finished = running.filter((r) => r.end === now);
    running = running.filter((r) => r.end !== now);
    for (const f of finished) {
      done++;
      for (const w of waiters.get(f.id) ?? []) {
        const left = remaining.get(w) - 1;
        remaining.set(w, left);
        if (left === 0) queue.push(w);
      }
    }
  }
  return now;
}

/** tgo's policy: p-limit's FIFO queue of ready modules. */
export function simulateFifo(work, deps, p) {
  return simulate(work, deps, p, () => 0);
}

/** A policy: the ready node with the longest weighted path to the end of the run starts first. */
function longestPathFirst(weight, deps) {
  const dependents = new Map();
  for (const [id, d] of deps) for (const x of d) dependents.set(x, [...(dependents.get(x) ?? []), id]);
  const level = new Map();
  const bl = (id) => {
    if (level.has(id)) return level.get(id);
    const v = weight(id) + Math.max(0, ...(dependents.get(id) ?? []).map(bl));
    level.set(id, v);
    return v;
  };
  return (queue) => {
    let best = 0;
    for (let i = 1; i < queue.length; i++) if (bl(queue[i]) > bl(queue[best])) best = i;
    return best;
  };
}

/** Highest level first: the ready node with the longest remaining path to the end starts first. */
export function simulateCriticalPathFirst(work, deps, p) {
  return simulate(work, deps, p, longestPathFirst((id) => work.get(id), deps));
}

/**
 * What tgo could do without knowing durations: the ready module with the most modules on its longest
 * path to the end (unit weights) starts first; ties in ready order.
 */
export function simulateLongestChainFirst(work, deps, p) {
  return simulate(work, deps, p, longestPathFirst(() => 1, deps));
}
