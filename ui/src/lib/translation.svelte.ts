// Translation drafts in the composer: the service (off until set in Settings), the
// one-time notice naming who receives the text, the block being translated, and
// "translate every missing side" with its progress and Stop. The composer gives the
// issue and gets the issue back after each step.
import { tick } from 'svelte';
import { api, asAppError, type AppError, type EditorIssue, type TranslateView } from './api';
import type { GlossaryFlag } from './bindings/GlossaryFlag';
import type { Redraft } from './bindings/Redraft';
import { translationSteps } from './blocks';

export type Target = number | 'meta';
type Lang = 'fr' | 'nl';

/** Brings a selector's element into view once drawn (it sits above the blocks). */
function reveal(selector: string) {
  void tick().then(() => document.querySelector(selector)?.scrollIntoView({ block: 'center' }));
}

export class Translator {
  view = $state<TranslateView | null>(null);
  translating = $state<Target | null>(null);
  progress = $state<{ done: number; total: number } | null>(null);
  error = $state<AppError | null>(null);
  /** Glossary terms the last draft of each block ('meta': subject) did not render. */
  flags = $state<Record<string, GlossaryFlag[]>>({});
  /** A new draft over a written side, shown beside the text now until a person chooses. */
  redraft = $state<Redraft | null>(null);
  /** Set while the notice waits for an answer. */
  notice = $state<((ok: boolean) => void) | null>(null);
  #stop = false;

  constructor(
    private hooks: {
      /** Saves what was typed, before anything is sent. */
      flush: () => Promise<void>;
      issueId: () => number | null;
      /** The issue as stored after a step that translated `target`; false when the
       *  text on screen changed meanwhile and was kept (the draft is then left out). */
      applied: (editor: EditorIssue, target: Target) => boolean;
    },
  ) {}

  get ready(): boolean {
    return !!this.view?.settings.service;
  }

  async load() {
    this.view = await api.translateView().catch(() => null);
  }

  async #noticeAccepted(): Promise<boolean> {
    if (this.view?.settings.notice_accepted) return true;
    const ok = await new Promise<boolean>((resolve) => {
      this.notice = resolve;
      reveal('[data-translate-notice]');
    });
    this.notice = null;
    if (ok) this.view = await api.acceptTranslateNotice();
    return ok;
  }

  /** One step; false when it failed (the message is shown). */
  async #one(target: Target, from: Lang): Promise<boolean> {
    const id = this.hooks.issueId();
    if (id === null) return false;
    this.translating = target;
    try {
      const result =
        target === 'meta' ? await api.translateMeta(id, from) : await api.translateBlock(id, target, from);
      this.flags[String(target)] = result.report.flagged;
      if (!this.hooks.applied(result.editor, target)) {
        this.error = { code: 'translate-error-edited', args: {}, detail: '' } as AppError;
        reveal('[data-translate-error]');
        return false;
      }
      return true;
    } catch (e) {
      this.error = asAppError(e);
      reveal('[data-translate-error]');
      return false;
    } finally {
      this.translating = null;
    }
  }

  /** Translates one block (or the subject and preheader) from `from`. */
  async translate(target: Target, from: Lang) {
    this.error = null;
    await this.hooks.flush();
    if (await this.#noticeAccepted()) await this.#one(target, from);
  }

  /** A new draft of block `index`'s other side from `from`, over what is written there:
   *  shown for comparison (`redraft`), saved only by `acceptRedraft`. */
  async redraftBlock(index: number, from: Lang) {
    this.error = null;
    this.redraft = null;
    await this.hooks.flush();
    const id = this.hooks.issueId();
    if (id === null || !(await this.#noticeAccepted())) return;
    this.translating = index;
    try {
      this.redraft = await api.redraftBlock(id, index, from);
      reveal('[data-redraft]');
    } catch (e) {
      this.error = asAppError(e);
      reveal('[data-translate-error]');
    } finally {
      this.translating = null;
    }
  }

  /** The person chose the new draft: it replaces the side (if the block did not change). */
  async acceptRedraft() {
    const r = this.redraft;
    if (!r) return;
    this.error = null;
    await this.hooks.flush();
    try {
      if (this.hooks.applied(await api.acceptRedraft(r.issue_id, r.index), r.index)) {
        this.flags[String(r.index)] = r.report.flagged;
      } else {
        this.error = { code: 'translate-error-edited', args: {}, detail: '' } as AppError;
      }
    } catch (e) {
      this.error = asAppError(e);
      reveal('[data-translate-error]');
    } finally {
      this.redraft = null;
    }
  }

  /** Every missing side of `issue`, one step at a time, until done, stopped or failed. */
  async all(issue: EditorIssue) {
    this.error = null;
    await this.hooks.flush();
    if (!(await this.#noticeAccepted())) return;
    const steps = translationSteps(issue.report.incomplete, issue.stored.issue.blocks);
    this.#stop = false;
    this.progress = { done: 0, total: steps.length };
    for (const [target, from] of steps) {
      if (this.#stop) {
        this.error = { code: 'translate-error-cancelled', args: {}, detail: '' } as AppError;
        break;
      }
      // A text edited while it was translated keeps the edit; the other steps go on.
      if (!(await this.#one(target, from)) && !this.#keptAnEdit()) break;
      this.progress = { done: this.progress.done + 1, total: steps.length };
    }
    this.progress = null;
  }

  stop() {
    this.#stop = true;
  }

  /** The last step left its draft out because the text was edited meanwhile. */
  #keptAnEdit(): boolean {
    return this.error?.code === 'translate-error-edited';
  }
}
