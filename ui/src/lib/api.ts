// Typed wrappers around the app's commands. The types come from Rust (ts-rs, in
// ./bindings); never hand-copy a Rust type here.
import { Channel, invoke } from '@tauri-apps/api/core';
import type { AppError } from './bindings/AppError';
import type { AppInfo } from './bindings/AppInfo';
import type { Diagnostic } from './bindings/Diagnostic';
import type { Block } from './bindings/Block';
import type { Edition } from './bindings/Edition';
import type { EditorIssue } from './bindings/EditorIssue';
import type { ComposerStart } from './bindings/ComposerStart';
import type { IssueMeta } from './bindings/IssueMeta';
import type { IssueSummary } from './bindings/IssueSummary';
import type { PreviewInfo } from './bindings/PreviewInfo';
import type { Report } from './bindings/Report';
import type { UiLanguage } from './bindings/UiLanguage';
import type { Lang } from './bindings/Lang';
import type { UploadedImage } from './bindings/UploadedImage';
import type { ContactFilter } from './bindings/ContactFilter';
import type { Contact } from './bindings/Contact';
import type { ContactInput } from './bindings/ContactInput';
import type { ContactPage } from './bindings/ContactPage';
import type { ContactSummary } from './bindings/ContactSummary';
import type { ImportOptions } from './bindings/ImportOptions';
import type { ImportReport } from './bindings/ImportReport';
import type { ParsedFile } from './bindings/ParsedFile';
import type { SmtpView } from './bindings/SmtpView';
import type { ImapSettings } from './bindings/ImapSettings';
import type { MailboxAction } from './bindings/MailboxAction';
import type { MailboxSave } from './bindings/MailboxSave';
import type { MailboxSummary } from './bindings/MailboxSummary';
import type { MailboxView } from './bindings/MailboxView';
import type { TranslateView } from './bindings/TranslateView';
import type { TranslateSettings } from './bindings/TranslateSettings';
import type { Translated } from './bindings/Translated';
import type { TranslateReport } from './bindings/TranslateReport';
import type { Redraft } from './bindings/Redraft';
import type { SmtpSave } from './bindings/SmtpSave';
import type { SmtpSaved } from './bindings/SmtpSaved';
import type { SmtpSettings } from './bindings/SmtpSettings';
import type { Account } from './bindings/Account';
import type { AccountView } from './bindings/AccountView';
import type { OAuthClient } from './bindings/OAuthClient';
import type { SignInStart } from './bindings/SignInStart';
import type { UpdateFound } from './bindings/UpdateFound';
import type { UpdateView } from './bindings/UpdateView';
import type { SendOverview } from './bindings/SendOverview';
import type { SendStatus } from './bindings/SendStatus';
import type { RunInfo } from './bindings/RunInfo';
import type { LedgerRow } from './bindings/LedgerRow';
import type { LedgerPage } from './bindings/LedgerPage';
import type { RowStatus } from './bindings/RowStatus';
import type { ResumeTo } from './bindings/ResumeTo';
import type { BulkAction } from './bindings/BulkAction';
import type { BulkTarget } from './bindings/BulkTarget';
import type { BackupsView } from './bindings/BackupsView';
import type { RestoreReport } from './bindings/RestoreReport';
import type { DataFolderView } from './bindings/DataFolderView';
import type { MoveProposal } from './bindings/MoveProposal';
import type { DeliveryReport } from './bindings/DeliveryReport';

export type {
  BackupsView,
  RestoreReport,
  DataFolderView,
  MoveProposal,
  DeliveryReport,
  AppError,
  AppInfo,
  Diagnostic,
  Block,
  Edition,
  EditorIssue,
  ComposerStart,
  IssueMeta,
  IssueSummary,
  PreviewInfo,
  Report,
  UiLanguage,
  UploadedImage,
  Contact,
  ContactFilter,
  ContactInput,
  ContactPage,
  ContactSummary,
  ImportOptions,
  ImportReport,
  ParsedFile,
  SmtpView,
  ImapSettings,
  MailboxAction,
  MailboxSave,
  MailboxSummary,
  MailboxView,
  TranslateView,
  TranslateSettings,
  Translated,
  TranslateReport,
  SmtpSave,
  SmtpSaved,
  SmtpSettings,
  SendOverview,
  SendStatus,
  RunInfo,
  LedgerRow,
  LedgerPage,
  RowStatus,
  ResumeTo,
  BulkAction,
  BulkTarget,
};

/** Where the app serves an issue's stored images (its own `tandem:` protocol). */
export function assetUrl(issueId: number, src: string): string {
  const base = /Windows|Android/.test(navigator.userAgent) ? 'http://tandem.localhost/' : 'tandem://localhost/';
  return `${base}asset/${issueId}/${encodeURIComponent(src.replace(/^assets\//, ''))}`;
}

export type BlockKindName = Block['kind'];

/** Turns whatever a failed invoke threw into an AppError the UI can show. */
export function asAppError(e: unknown): AppError {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') {
    return e as AppError;
  }
  return { code: 'error-unknown', args: {}, detail: String(e) };
}

// The first calls are timed (User Timing, `ipc:<command>`) for `cargo xtask bench`'s
// start-up detail; later ones are not, so the entries never pile up.
let timed = 40;

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  const start = timed-- > 0 ? performance.now() : -1;
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw asAppError(e);
  } finally {
    if (start >= 0) performance.measure(`ipc:${command}`, { start });
  }
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  setUiLanguage: (language: UiLanguage) => call<void>('set_ui_language', { language }),
  listIssues: () => call<IssueSummary[]>('list_issues'),
  getIssue: (id: number) => call<EditorIssue>('get_issue', { id }),
  composerStart: (wanted: number | null) => call<ComposerStart>('composer_start', { wanted }),
  newIssue: () => call<EditorIssue>('new_issue'),
  newIssueFrom: (from: number) => call<EditorIssue>('new_issue_from', { from }),
  deleteIssue: (id: number) => call<void>('delete_issue', { id }),
  saveIssueMeta: (id: number, meta: IssueMeta) => call<Report>('save_issue_meta', { id, meta }),
  saveBlock: (issueId: number, blockId: number, block: Block) =>
    call<Report>('save_block', { issueId, blockId, block }),
  addBlock: (issueId: number, position: number, kind: BlockKindName) =>
    call<EditorIssue>('add_block', { issueId, position, kind }),
  duplicateBlock: (issueId: number, blockId: number) =>
    call<EditorIssue>('duplicate_block', { issueId, blockId }),
  insertBlock: (issueId: number, position: number, block: Block) =>
    call<EditorIssue>('insert_block', { issueId, position, block }),
  deleteBlock: (issueId: number, blockId: number) =>
    call<EditorIssue>('delete_block', { issueId, blockId }),
  moveBlock: (issueId: number, blockId: number, position: number) =>
    call<EditorIssue>('move_block', { issueId, blockId, position }),
  previewInfo: (issueId: number, edition: Edition, dark: boolean) =>
    call<PreviewInfo>('preview_info', { issueId, edition, dark }),
  contactSummary: () => call<ContactSummary>('contact_summary'),
  searchContacts: (filter: ContactFilter, offset: number, limit: number) =>
    call<ContactPage>('search_contacts', { filter, offset, limit }),
  readContactsFile: async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      return await invoke<ParsedFile>('read_contacts_file', bytes);
    } catch (e) {
      throw asAppError(e);
    }
  },
  recheckContactsFile: (options: ImportOptions) =>
    call<ParsedFile>('recheck_contacts_file', { options }),
  applyContactsImport: (options: ImportOptions) =>
    call<ImportReport>('apply_contacts_import', { options }),
  unsubscribeContact: (email: string) => call<void>('unsubscribe_contact', { email }),
  eraseContact: (email: string) => call<void>('erase_contact', { email }),
  saveContact: (contact: ContactInput) => call<Contact>('save_contact', { contact }),
  bulkContacts: (target: BulkTarget, action: BulkAction) =>
    call<number>('bulk_contacts', { target, action }),
  smtpSettings: () => call<SmtpView>('smtp_settings'),
  translateView: () => call<TranslateView>('translate_view'),
  saveTranslateSettings: (settings: TranslateSettings, key: string | null, allowFile: boolean) =>
    call<TranslateView>('save_translate_settings', { settings, key, allowFile }),
  acceptTranslateNotice: () => call<TranslateView>('accept_translate_notice'),
  saveGlossary: (pairs: [string, string][]) => call<TranslateView>('save_glossary', { pairs }),
  importGlossary: async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      return await invoke<TranslateView>('import_glossary', bytes);
    } catch (e) {
      throw asAppError(e);
    }
  },
  exportGlossary: () => call<string | null>('export_glossary'),
  translateUsage: () => call<[number, number] | null>('translate_usage'),
  translateBlock: (issueId: number, index: number, from: Lang) =>
    call<Translated>('translate_block', { issueId, index, from }),
  translateMeta: (issueId: number, from: Lang) => call<Translated>('translate_meta', { issueId, from }),
  rereadMeta: (issueId: number, lang: Lang) => call<EditorIssue>('reread_meta', { issueId, lang }),
  redraftBlock: (issueId: number, index: number, from: Lang) =>
    call<Redraft>('redraft_block', { issueId, index, from }),
  acceptRedraft: (issueId: number, index: number) => call<EditorIssue>('accept_redraft', { issueId, index }),
  mailboxView: () => call<MailboxView>('mailbox_view'),
  saveMailboxSettings: (save: MailboxSave) => call<MailboxView>('save_mailbox_settings', { save }),
  testMailbox: (settings: ImapSettings, password: string | null) =>
    call<number>('test_mailbox', { settings, password }),
  checkMailbox: () => call<MailboxSummary>('check_mailbox'),
  decideMailboxRequest: (id: number, confirm: boolean) =>
    call<MailboxView>('decide_mailbox_request', { id, confirm }),
  undoMailboxAction: (id: number) => call<MailboxView>('undo_mailbox_action', { id }),
  oauthAccount: () => call<AccountView>('oauth_account'),
  signInStart: (client: OAuthClient, device: boolean) =>
    call<SignInStart>('sign_in_start', { client, device }),
  signInFinish: (allowFile: boolean) => call<Account>('sign_in_finish', { allowFile }),
  signInCancel: () => call<void>('sign_in_cancel'),
  signOut: () => call<void>('sign_out'),
  updateView: () => call<UpdateView>('update_view'),
  dismissCrash: (path: string) => call<void>('dismiss_crash', { path }),
  diagnosticReport: () => call<Diagnostic>('diagnostic_report'),
  // An issue file given on the command line (to this start or a second one): its id.
  takeOpenedIssue: (tell: Channel<null>) => call<number | null>('take_opened_issue', { tell }),
  backupsView: () => call<BackupsView>('backups_view'),
  backupNow: () => call<BackupsView>('backup_now'),
  setBackupFolder: (pick: boolean, path: string | null = null) =>
    call<BackupsView>('set_backup_folder', { pick, path }),
  pickBackupFile: () => call<string | null>('pick_backup_file'),
  // `given`: a passphrase typed for this backup (one from another computer).
  previewRestore: (path: string, given: string | null = null) =>
    call<RestoreReport>('preview_restore', { path, given }),
  restoreBackup: (path: string, given: string | null = null) =>
    call<RestoreReport>('restore_backup', { path, given }),
  dataFolderView: () => call<DataFolderView>('data_folder_view'),
  proposeDataFolder: (pick: boolean, path: string | null = null) =>
    call<MoveProposal | null>('propose_data_folder', { pick, path }),
  moveDataFolder: (path: string) => call<DataFolderView>('move_data_folder', { path }),
  preflightIssue: (issueId: number, fresh: boolean) =>
    call<DeliveryReport>('preflight_issue', { issueId, fresh }),
  checkArrival: (run: number, wait: number) => call<DeliveryReport>('check_arrival', { run, wait }),
  checkSendingDomain: (from: string | null, provider: string | null) =>
    call<DeliveryReport>('check_sending_domain', { from, provider }),
  dismissRecovery: () => call<void>('dismiss_recovery'),
  setBackupPassphrase: (passphrase: string, allowFile: boolean) =>
    call<BackupsView>('set_backup_passphrase', { passphrase, allowFile }),
  setUpdateCheckDaily: (on: boolean) => call<void>('set_update_check_daily', { on }),
  checkUpdate: () => call<UpdateFound | null>('check_update'),
  checkUpdateIfDue: () => call<UpdateFound | null>('check_update_if_due'),
  downloadUpdate: () => call<number>('download_update'),
  installUpdate: () => call<void>('install_update'),
  saveSmtpSettings: (save: SmtpSave) => call<SmtpSaved>('save_smtp_settings', { save }),
  testSmtp: (settings: SmtpSettings, password: string | null) =>
    call<string>('test_smtp', { settings, password }),
  sendOverview: (issueId: number, lists: string[]) =>
    call<SendOverview>('send_overview', { issueId, lists }),
  startSend: (issueId: number, lists: string[]) => call<number>('start_send', { issueId, lists }),
  testSend: (issueId: number, email: string, edition: Edition) =>
    call<number>('test_send', { issueId, email, edition }),
  /** Resumes where the run started; `to` answers error-send-destination-changed. */
  resumeSend: (run: number, to: ResumeTo | null = null) => call<void>('resume_send', { run, to }),
  pauseSend: () => call<void>('pause_send'),
  cancelSend: () => call<void>('cancel_send'),
  sendStatus: () => call<SendStatus>('send_status'),
  sendRuns: () => call<RunInfo[]>('send_runs'),
  sendLedger: (run: number, status: RowStatus | null, limit: number) =>
    call<LedgerPage>('send_ledger', { run, status, limit }),
  retryFailed: (run: number) => call<number>('retry_failed', { run }),
  exportLedger: (run: number) => call<string | null>('export_ledger', { run }),
  exportContacts: (filter: ContactFilter) => call<string | null>('export_contacts', { filter }),
  exportArchive: (issueId: number, edition: Edition) =>
    call<string | null>('export_archive', { issueId, edition }),
  exportEml: (issueId: number, edition: Edition) =>
    call<string | null>('export_eml', { issueId, edition }),
  /** Sends the file's bytes as the raw request body (no JSON for megabytes). */
  uploadImage: async (issueId: number, file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      return await invoke<UploadedImage>('upload_image', bytes, {
        headers: { 'x-issue-id': String(issueId), 'x-file-name': encodeURIComponent(file.name) },
      });
    } catch (e) {
      throw asAppError(e);
    }
  },
};
