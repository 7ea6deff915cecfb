// The mail-server form as typed but not yet saved. It lives outside the component so
// that going to another screen and back keeps what was typed; it is cleared on save.
import type { SmtpSettings } from './bindings/SmtpSettings';

export const smtpDraft = $state<{ form: SmtpSettings | null; password: string }>({
  form: null,
  password: '',
});

/** Whether the draft differs from what is saved. */
export function isDirty(saved: SmtpSettings | undefined): boolean {
  if (!smtpDraft.form || !saved) return false;
  return smtpDraft.password !== '' || JSON.stringify($state.snapshot(smtpDraft.form)) !== JSON.stringify(saved);
}
