// The four top-level views and the message ids of their labels.
export const VIEWS = ['composer', 'contacts', 'send', 'settings'] as const;
export type View = (typeof VIEWS)[number];

export const VIEW_LABEL: Record<View, string> = {
  composer: 'nav-composer',
  contacts: 'nav-contacts',
  send: 'nav-send',
  settings: 'nav-settings',
};
