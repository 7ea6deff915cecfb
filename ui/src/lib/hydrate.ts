// Rich-text editors (TipTap) are costly to create: a whole issue's worth at once kept
// the Composer from appearing for a quarter of a second. Each editor shows its text as
// static HTML first and is created later, one per task, so the page paints at once; one
// that is clicked or focused is created straight away.

type Job = () => void;
const queue: Job[] = [];
let scheduled = false;

function next(): void {
  scheduled = false;
  const job = queue.shift();
  if (!job) return;
  job();
  if (queue.length) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(next, 0);
}

/** Runs `job` soon, after the page has painted; returns a function that runs it now
 * (and takes it out of the queue) — for an editor the user reaches first. */
export function later(job: Job): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    const i = queue.indexOf(once);
    if (i >= 0) queue.splice(i, 1);
    job();
  };
  queue.push(once);
  // The first frame first.
  requestAnimationFrame(() => schedule());
  return once;
}
