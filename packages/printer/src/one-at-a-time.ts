/**
 * Runs tasks with the same key one after another, in call order. A printer on port 9100 serves
 * one connection at a time: a second ticket (a double tap) must wait for the first, not race it
 * and have its status check time out in the printer's backlog.
 */
const tails = new Map<string, Promise<unknown>>();

export function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
