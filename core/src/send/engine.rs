//! The worker that drains a run's ledger.
//!
//! One dispatcher (the calling thread) owns the database; `concurrency` worker threads
//! each own one [`Link`]. The dispatcher hands a worker one recipient at a time and
//! commits that recipient's result before the worker gets the next one, so after a
//! crash the ledger is exact except for messages in flight (at most `concurrency`),
//! which are sent again: the only way anyone can get a newsletter twice. The results
//! that arrived together and the attempts about to be handed out are committed in one
//! transaction (one WAL commit per round, not two per message).
//!
//! Before a message is handed over, its time is committed to `send_events`: the rate
//! limiter is a rolling window over those times, loaded at start, so a limit such as
//! 10,000 a day holds across runs and restarts.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use serde::Serialize;
use ts_rs::TS;

use super::link::{Link, Outcome};
use super::message::{Addressee, Prepared};
use super::settings::RateLimit;
use super::{LedgerRow, RunState};
use crate::clock::now_ms;
use crate::store::{Store, StoreError};

/// How a run is driven.
#[derive(Debug, Clone)]
pub struct SendConfig {
    pub limits: Vec<RateLimit>,
    pub concurrency: usize,
    /// First retry delay after a transient failure; doubled each time, at most 10 min.
    pub retry_base: Duration,
    /// Tries per recipient before a transient failure becomes a failure.
    pub max_attempts: u32,
    /// How long an unreachable server is waited for before the run stops (it can be
    /// resumed later: nobody is marked).
    pub give_up_after: Duration,
    /// A run whose sender has not renewed its heartbeat for this long is taken to be
    /// abandoned (its process crashed) and may be resumed by another.
    pub lease: Duration,
}

impl Default for SendConfig {
    fn default() -> Self {
        SendConfig {
            limits: Vec::new(),
            concurrency: 2,
            retry_base: Duration::from_secs(60),
            max_attempts: 5,
            give_up_after: Duration::from_secs(300),
            lease: Duration::from_secs(5),
        }
    }
}

/// Asks a running send to pause or cancel, from another thread.
#[derive(Debug, Clone, Default)]
pub struct Control(Arc<AtomicU8>);

const PAUSE: u8 = 1;
const CANCEL: u8 = 2;

impl Control {
    pub fn pause(&self) {
        self.0.store(PAUSE, Ordering::SeqCst);
    }
    pub fn cancel(&self) {
        self.0.store(CANCEL, Ordering::SeqCst);
    }
    fn get(&self) -> u8 {
        self.0.load(Ordering::SeqCst)
    }
}

/// Where a run stands, reported after every recipient.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Progress {
    #[ts(type = "number")]
    pub run: i64,
    pub total: u32,
    /// Accepted by the server.
    pub sent: u32,
    /// Written to the outbox folder (received by nobody).
    pub outbox: u32,
    pub failed: u32,
    pub pending: u32,
    /// Messages handed to the server and not yet answered.
    pub in_flight: u32,
    /// When the rate limit lets the next message go (ms since epoch), if it is waiting.
    #[ts(type = "number | null")]
    pub waiting_until: Option<i64>,
    /// The server could not be reached; retrying.
    pub unreachable: Option<String>,
}

/// How a drive ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[ts(export)]
pub enum Ending {
    /// Nobody is pending any more.
    Finished,
    Paused,
    Cancelled,
    /// The server stayed unreachable for `give_up_after`; the run can be resumed.
    Unreachable {
        reply: String,
    },
    /// The server refused the connection (login, TLS); the run can be resumed once the
    /// settings are fixed.
    Refused {
        reply: String,
    },
    /// The sign-in gives no token any more; the run can be resumed after signing in.
    #[serde(rename = "signin")]
    SignIn {
        reply: String,
    },
}

/// Why a send could not be driven at all.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("send {0} is {1}: it cannot be resumed")]
    Closed(i64, &'static str),
    #[error("send {0} is being sent by another Tandem right now; wait for it to end")]
    Busy(i64),
}

/// The rolling windows of the rate limits, over the times messages were handed over.
#[derive(Debug)]
pub struct Limiter {
    limits: Vec<RateLimit>,
    events: VecDeque<i64>,
}

impl Limiter {
    /// Loads the recent events from the database (and forgets older ones).
    pub fn load(store: &Store, limits: &[RateLimit], now: i64) -> Result<Limiter, StoreError> {
        let longest = limits
            .iter()
            .map(|l| i64::from(l.per_seconds) * 1000)
            .max()
            .unwrap_or(0)
            .max(86_400_000);
        Ok(Limiter {
            limits: limits.to_vec(),
            events: store.send_events_since(now - longest)?.into(),
        })
    }

    /// `None` when a message may go at `now`; otherwise when it may.
    pub fn next_allowed(&self, now: i64) -> Option<i64> {
        let mut until = None;
        for limit in &self.limits {
            let window = i64::from(limit.per_seconds) * 1000;
            // Events inside (now - window, now].
            let first_inside = self.events.partition_point(|&t| t <= now - window);
            let inside = self.events.len() - first_inside;
            let count = limit.count as usize;
            if inside >= count {
                // The window has room again when the count-th most recent event leaves it.
                let leaving = self.events[self.events.len() - count];
                let at = leaving + window + 1;
                until = Some(until.map_or(at, |u: i64| u.max(at)));
            }
        }
        until
    }

    pub fn record(&mut self, at: i64) {
        let pos = self.events.partition_point(|&t| t <= at);
        self.events.insert(pos, at);
    }

    pub fn forget(&mut self, at: i64) {
        if let Some(pos) = self.events.iter().rposition(|&t| t == at) {
            self.events.remove(pos);
        }
    }
}

struct Job {
    row: LedgerRow,
}

struct Done {
    worker: usize,
    row: i64,
    outcome: Outcome,
}

/// Builds each recipient's message and hands it to the worker's link.
fn worker(
    index: usize,
    mut link: Box<dyn Link>,
    prepared: Arc<Prepared>,
    jobs: mpsc::Receiver<Job>,
    done: mpsc::Sender<Done>,
) {
    for Job { row } in jobs {
        let outcome = match prepared.message(
            &Addressee {
                email: &row.email,
                name: &row.name,
                edition: row.edition,
                unsubscribe_token: &row.unsubscribe_token,
                message_id: &row.message_id,
            },
            SystemTime::now(),
        ) {
            Ok((envelope, bytes)) => link.deliver(&envelope, &bytes),
            Err(e) => Outcome::Permanent(e.to_string()),
        };
        if done
            .send(Done {
                worker: index,
                row: row.id,
                outcome,
            })
            .is_err()
        {
            break;
        }
    }
    link.close();
}

/// First retry delay after a lost connection (capped by `retry_base`).
const LOST_RETRY: Duration = Duration::from_secs(5);

fn retry_delay(base: Duration, attempts_before: u32) -> i64 {
    let base = base.as_millis() as i64;
    let factor = 1i64 << attempts_before.min(16);
    (base.saturating_mul(factor)).min(600_000)
}

/// Drains run `run` until nobody is pending, or it is paused, cancelled, or the
/// server stays away. `links` makes one link per worker.
pub fn drive(
    store: &mut Store,
    run: i64,
    prepared: Arc<Prepared>,
    links: &mut dyn FnMut() -> Box<dyn Link>,
    config: &SendConfig,
    control: &Control,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Ending, EngineError> {
    let info = store.run(run)?;
    match info.state {
        RunState::Cancelled => return Err(EngineError::Closed(run, "cancelled")),
        RunState::Finished if info.pending == 0 => {
            return Err(EngineError::Closed(run, "finished"))
        }
        _ => {}
    }
    // One sender per run. A process that was killed holds it until its heartbeat is
    // older than the lease: wait that long, then take over.
    let lease = config.lease.as_millis() as i64;
    let deadline = now_ms() + lease + 1_000;
    while !store.claim_run(run, now_ms(), lease)? {
        if now_ms() > deadline {
            return Err(EngineError::Busy(run));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let result = drain(store, run, prepared, links, config, control, progress, info);
    store.rollback_batch();
    store.release_run(run)?;
    result
}

#[allow(clippy::too_many_arguments)]
fn drain(
    store: &mut Store,
    run: i64,
    prepared: Arc<Prepared>,
    links: &mut dyn FnMut() -> Box<dyn Link>,
    config: &SendConfig,
    control: &Control,
    progress: &mut dyn FnMut(&Progress),
    info: super::RunInfo,
) -> Result<Ending, EngineError> {
    store.set_run_state(run, RunState::Running, now_ms())?;
    let mut limiter = Limiter::load(store, &config.limits, now_ms())?;
    let mut last_beat = now_ms();
    let mut state = Progress {
        run,
        total: info.total,
        sent: info.sent,
        outbox: info.outbox,
        failed: info.failed,
        pending: info.pending,
        ..Progress::default()
    };
    progress(&state);
    tracing::info!(
        "send {run} started: {} in all, {} to go, {} sent before, {} failed before",
        info.total,
        info.pending,
        info.sent,
        info.failed
    );

    let concurrency = config.concurrency.clamp(1, 16);
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    let mut workers = Vec::new();
    let mut handles = Vec::new();
    for index in 0..concurrency {
        let (tx, rx) = mpsc::channel::<Job>();
        let link = links();
        let prepared = Arc::clone(&prepared);
        let done = done_tx.clone();
        handles.push(
            std::thread::Builder::new()
                .name(format!("send-{index}"))
                .spawn(move || worker(index, link, prepared, rx, done))
                .expect("a thread can be started"),
        );
        workers.push(tx);
    }
    drop(done_tx);

    let mut idle: Vec<usize> = (0..concurrency).rev().collect();
    // Row id → (worker, time handed over, event id, attempts before this one).
    let mut busy: HashMap<i64, (usize, i64, i64, u32)> = HashMap::new();
    // Due rows read ahead in one query, handed out one by one.
    let mut queue: VecDeque<LedgerRow> = VecDeque::new();
    let mut unreachable_since: Option<i64> = None;
    let mut unreachable_until: i64 = 0;
    let mut stop: Option<Ending> = None;

    let ending = loop {
        let now = now_ms();
        if now - last_beat >= 1_000 {
            store.heartbeat_run(run, now)?;
            last_beat = now;
        }
        if stop.is_none() {
            match control.get() {
                PAUSE => stop = Some(Ending::Paused),
                CANCEL => stop = Some(Ending::Cancelled),
                _ => {}
            }
        }
        // Hand out work while workers are free and the limits allow.
        let mut wake: Option<i64> = None;
        state.waiting_until = None;
        let mut handed: Vec<(usize, LedgerRow)> = Vec::new();
        while stop.is_none() && !idle.is_empty() {
            if unreachable_until > now {
                wake = Some(unreachable_until);
                break;
            }
            if let Some(at) = limiter.next_allowed(now) {
                state.waiting_until = Some(at);
                wake = Some(at);
                break;
            }
            if queue.is_empty() {
                // In flight, or handed out in this round: not again.
                let busy_ids: Vec<i64> = busy
                    .keys()
                    .copied()
                    .chain(handed.iter().map(|(_, row)| row.id))
                    .collect();
                queue.extend(store.due_rows(run, now, &busy_ids, 64)?);
            }
            let Some(row) = queue.pop_front() else {
                break;
            };
            limiter.record(now);
            let w = idle.pop().expect("a worker is idle");
            handed.push((w, row));
            // While the server is away, try one connection at a time.
            if unreachable_since.is_some() {
                break;
            }
        }
        // The time of each attempt, with the results of the last round, in one commit,
        // before any of these messages leaves.
        if !handed.is_empty() {
            store.begin_batch()?;
            for (w, row) in &handed {
                let event = store.begin_attempt(now)?;
                busy.insert(row.id, (*w, now, event, row.attempts));
            }
        }
        store.commit_batch()?;
        for (w, row) in handed {
            workers[w]
                .send(Job { row })
                .expect("workers live until the channel closes");
        }
        state.in_flight = busy.len() as u32;

        if busy.is_empty() {
            if let Some(ending) = stop.take() {
                break ending;
            }
            let busy_ids: Vec<i64> = Vec::new();
            match store.next_due_at(run, &busy_ids)? {
                None => break Ending::Finished,
                Some(due) => {
                    let due = due.max(now);
                    wake = Some(wake.map_or(due, |w| w.max(due)));
                }
            }
        }
        progress(&state);

        // Wait for a result, or until something becomes due (checking pause every 100 ms).
        let wait_ms = wake.map_or(100, |w| (w - now_ms()).clamp(1, 100)) as u64;
        let first = match done_rx.recv_timeout(Duration::from_millis(wait_ms)) {
            Ok(done) => done,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                unreachable!("the dispatcher holds the workers' channels")
            }
        };
        // Every result that is in, written in one batch (committed at the top of the
        // loop, before those workers get anyone else).
        store.begin_batch()?;
        // Let results that are a moment away join this commit: yield the core while they
        // keep coming (never a timed wait: a worker waiting for its commit sends nothing).
        let mut round = vec![first];
        for _ in 0..4 {
            std::thread::yield_now();
            let before = round.len();
            round.extend(done_rx.try_iter());
            if round.len() == before || round.len() >= busy.len() {
                break;
            }
        }
        for done in round {
            let (worker_index, started, event, attempts_before) =
                busy.remove(&done.row).expect("a known job");
            debug_assert_eq!(worker_index, done.worker);
            idle.push(done.worker);
            let now = now_ms();
            let lost = matches!(done.outcome, Outcome::Lost(_));
            match done.outcome {
                Outcome::Sent(reply) => {
                    store.mark_sent(done.row, &reply, started, now)?;
                    state.sent += 1;
                    state.pending = state.pending.saturating_sub(1);
                    unreachable_since = None;
                    state.unreachable = None;
                }
                Outcome::Saved(reply) => {
                    store.mark_outbox(done.row, &reply, started, now)?;
                    state.outbox += 1;
                    state.pending = state.pending.saturating_sub(1);
                }
                Outcome::Permanent(reply) => {
                    tracing::warn!("send {run}: a recipient refused [{}]", reply_code(&reply));
                    store.mark_failed(done.row, &reply, started)?;
                    store.mark_bounced_if_address_refused(done.row, &reply)?;
                    state.failed += 1;
                    state.pending = state.pending.saturating_sub(1);
                    unreachable_since = None;
                }
                Outcome::Transient(reply) | Outcome::Lost(reply) => {
                    // A refusal for now (4xx) is the recipient's server asking for patience; a
                    // lost connection is about the link, and is tried again sooner.
                    tracing::info!(
                        "send {run}: {} [{}], tried again later",
                        if lost {
                            "connection lost"
                        } else {
                            "refused for now"
                        },
                        reply_code(&reply)
                    );
                    let base = if lost {
                        config.retry_base.min(LOST_RETRY)
                    } else {
                        config.retry_base
                    };
                    if attempts_before + 1 >= config.max_attempts {
                        let reply =
                            format!("{reply} (gave up after {} attempts)", attempts_before + 1);
                        store.mark_failed(done.row, &reply, started)?;
                        state.failed += 1;
                        state.pending = state.pending.saturating_sub(1);
                    } else {
                        store.mark_retry(
                            done.row,
                            &reply,
                            started,
                            now + retry_delay(base, attempts_before),
                        )?;
                    }
                }
                Outcome::Unreachable(reply) => {
                    tracing::warn!("send {run}: the server cannot be reached: {reply}");
                    // Nothing left this computer: the attempt does not count.
                    store.cancel_attempt(event)?;
                    limiter.forget(started);
                    let since = *unreachable_since.get_or_insert(now);
                    if now - since >= config.give_up_after.as_millis() as i64 {
                        stop.get_or_insert(Ending::Unreachable {
                            reply: reply.clone(),
                        });
                    }
                    let step = (now - since).clamp(500, 30_000);
                    unreachable_until = now + step;
                    state.unreachable = Some(reply);
                }
                Outcome::Refused(reply) | Outcome::Certificate(reply) => {
                    tracing::error!(
                        "send {run}: the server refused the connection [{}]: {reply}",
                        reply_code(&reply)
                    );
                    store.cancel_attempt(event)?;
                    limiter.forget(started);
                    stop.get_or_insert(Ending::Refused { reply });
                }
                Outcome::SignIn(reply) => {
                    tracing::error!("send {run}: the sign-in gives no token: {reply}");
                    store.cancel_attempt(event)?;
                    limiter.forget(started);
                    stop.get_or_insert(Ending::SignIn { reply });
                }
            }
        }
        progress(&state);
    };

    drop(workers);
    for handle in handles {
        let _ = handle.join();
    }
    let final_state = match &ending {
        Ending::Finished => RunState::Finished,
        Ending::Cancelled => RunState::Cancelled,
        Ending::Paused => RunState::Paused,
        // Interrupted, not ended: `send --resume` picks it up.
        Ending::Unreachable { .. } | Ending::Refused { .. } | Ending::SignIn { .. } => {
            RunState::Running
        }
    };
    store.set_run_state(run, final_state, now_ms())?;
    let how = match &ending {
        Ending::Finished => "ended",
        Ending::Cancelled => "cancelled",
        Ending::Paused => "paused",
        Ending::Unreachable { .. } => "stopped (server unreachable)",
        Ending::Refused { .. } => "stopped (refused)",
        Ending::SignIn { .. } => "stopped (sign in again)",
    };
    tracing::info!(
        "send {run} {how}: {} sent, {} saved to the outbox, {} failed, {} to go",
        state.sent,
        state.outbox,
        state.failed,
        state.pending
    );
    state.in_flight = 0;
    state.waiting_until = None;
    progress(&state);
    Ok(ending)
}

/// An SMTP reply's code for the log ("550 5.1.1"), without the text that may quote a
/// person's address or name; "no code" when the reply has none (a connection error).
pub fn reply_code(reply: &str) -> String {
    let mut words = reply.split_whitespace();
    let Some(basic) = words
        .next()
        .map(|w| w.trim_end_matches('-'))
        .filter(|w| w.len() == 3 && w.bytes().all(|b| b.is_ascii_digit()))
    else {
        return "no code".to_owned();
    };
    let enhanced = words.next().filter(|w| {
        w.split('.').count() == 3
            && w.split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    });
    match enhanced {
        Some(enhanced) => format!("{basic} {enhanced}"),
        None => basic.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_is_reduced_to_its_code() {
        assert_eq!(
            reply_code("550 5.1.1 <anne@exemple.be>: no such user"),
            "550 5.1.1"
        );
        assert_eq!(reply_code("421 try later"), "421");
        assert_eq!(reply_code("connection refused"), "no code");
    }

    fn limiter(limits: &[(u32, u32)], events: &[i64]) -> Limiter {
        Limiter {
            limits: limits
                .iter()
                .map(|&(count, per_seconds)| RateLimit { count, per_seconds })
                .collect(),
            events: events.iter().copied().collect(),
        }
    }

    #[test]
    fn a_full_window_waits_until_its_oldest_counted_message_leaves() {
        // 3 a second: the fourth waits until the first is more than a second old.
        let l = limiter(&[(3, 1)], &[1_000, 1_200, 1_400]);
        assert_eq!(l.next_allowed(1_500), Some(2_001));
        assert_eq!(l.next_allowed(2_001), None);
        // Two limits: the stricter one wins.
        let l = limiter(&[(3, 1), (4, 60)], &[0, 100, 200, 30_000]);
        assert_eq!(l.next_allowed(30_100), Some(60_001));
        let l = limiter(&[], &[0, 1, 2]);
        assert_eq!(l.next_allowed(3), None);
    }

    /// A link that takes a moment per message and counts what it "delivered".
    struct SlowLink(Arc<std::sync::Mutex<Vec<String>>>);

    impl Link for SlowLink {
        fn deliver(&mut self, envelope: &lettre::address::Envelope, _: &[u8]) -> Outcome {
            std::thread::sleep(Duration::from_millis(5));
            self.0.lock().unwrap().push(envelope.to()[0].to_string());
            Outcome::Sent("250 OK".into())
        }
    }

    fn store_with_run(n: usize) -> (Store, i64, Arc<Prepared>) {
        use crate::send::{NewRecipient, NewRun};
        let mut store = Store::open_in_memory().unwrap();
        let recipients: Vec<NewRecipient> = (0..n)
            .map(|i| NewRecipient {
                contact_id: None,
                email: format!("r{i:03}@example.org"),
                name: String::new(),
                edition: crate::model::Edition::Fr,
                unsubscribe_token: "00".into(),
            })
            .collect();
        let issue = crate::model::Issue::sample();
        let run = NewRun {
            issue_id: None,
            issue_number: 1,
            issue_json: issue.to_json(),
            sender: "PMO <info@example.org>".into(),
            reply_to: String::new(),
            unsubscribe_url: String::new(),
            lists: vec![],
            is_test: false,
            greeting: false,
            destination: crate::send::Destination::default_outbox(),
        };
        let mut k = 0;
        let id = store
            .create_run(&run, &recipients, now_ms(), &mut || {
                k += 1;
                format!("<{k}@example.org>")
            })
            .unwrap();
        let prepared = super::super::prepare_run(&store, id).unwrap();
        (store, id, Arc::new(prepared))
    }

    #[test]
    fn a_paused_send_resumes_without_sending_anyone_twice_and_a_cancelled_one_stays_closed() {
        let (mut store, run, prepared) = store_with_run(40);
        let delivered = Arc::new(std::sync::Mutex::new(Vec::new()));
        let config = SendConfig {
            concurrency: 2,
            ..SendConfig::default()
        };
        let control = Control::default();
        let mut links = || -> Box<dyn Link> { Box::new(SlowLink(Arc::clone(&delivered))) };
        let pauser = control.clone();
        let ending = drive(
            &mut store,
            run,
            Arc::clone(&prepared),
            &mut links,
            &config,
            &control,
            &mut |p: &Progress| {
                if p.sent >= 10 {
                    pauser.pause();
                }
            },
        )
        .unwrap();
        assert_eq!(ending, Ending::Paused);
        let info = store.run(run).unwrap();
        assert_eq!(info.state, RunState::Paused);
        assert!(info.sent >= 10 && info.sent < 40, "{info:?}");
        assert_eq!(store.unfinished_run().unwrap().map(|r| r.id), Some(run));

        let ending = drive(
            &mut store,
            run,
            Arc::clone(&prepared),
            &mut links,
            &config,
            &Control::default(),
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(ending, Ending::Finished);
        let mut got = delivered.lock().unwrap().clone();
        assert_eq!(got.len(), 40, "everyone once");
        got.sort();
        got.dedup();
        assert_eq!(got.len(), 40, "nobody twice");

        let (mut store, run, prepared) = store_with_run(20);
        let control = Control::default();
        control.cancel();
        let ending = drive(
            &mut store,
            run,
            Arc::clone(&prepared),
            &mut links,
            &config,
            &control,
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(ending, Ending::Cancelled);
        let err = drive(
            &mut store,
            run,
            prepared,
            &mut links,
            &config,
            &Control::default(),
            &mut |_| {},
        )
        .unwrap_err();
        assert!(matches!(err, EngineError::Closed(_, "cancelled")), "{err}");
    }

    #[test]
    fn a_run_another_process_is_sending_is_refused_and_taken_over_once_abandoned() {
        let (mut store, run, prepared) = store_with_run(3);
        let delivered = Arc::new(std::sync::Mutex::new(Vec::new()));
        let mut links = || -> Box<dyn Link> { Box::new(SlowLink(Arc::clone(&delivered))) };
        let config = SendConfig {
            lease: Duration::from_millis(300),
            ..SendConfig::default()
        };
        // Another process holds the run and keeps beating: refused after the lease.
        let far_future = now_ms() + 60_000;
        assert!(store.claim_run(run, far_future, 300).unwrap());
        let err = drive(
            &mut store,
            run,
            Arc::clone(&prepared),
            &mut links,
            &config,
            &Control::default(),
            &mut |_| {},
        )
        .unwrap_err();
        assert!(matches!(err, EngineError::Busy(_)), "{err}");
        assert!(delivered.lock().unwrap().is_empty(), "nothing sent twice");

        // It crashed a moment ago (stale heartbeat): taken over after the lease.
        store.heartbeat_run(run, now_ms()).unwrap();
        let ending = drive(
            &mut store,
            run,
            prepared,
            &mut links,
            &config,
            &Control::default(),
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(ending, Ending::Finished);
        assert_eq!(delivered.lock().unwrap().len(), 3);
        assert!(
            store.claim_run(run, now_ms(), 300).unwrap(),
            "released at the end"
        );
    }

    #[test]
    fn retries_back_off_and_are_capped() {
        let base = Duration::from_secs(60);
        assert_eq!(retry_delay(base, 0), 60_000);
        assert_eq!(retry_delay(base, 2), 240_000);
        assert_eq!(retry_delay(base, 9), 600_000);
        assert_eq!(retry_delay(base.min(LOST_RETRY), 1), 10_000);
    }
}
