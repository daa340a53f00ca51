/**
 * What may happen when the agent inserts a reply into the ticket's editor. Zendesk has one
 * editor per ticket with one type (public reply or internal note): switching the type of an editor
 * that already holds text turns that text into the other kind, so a half-written internal note
 * would go out to the ens as a public reply. The guard decides before anything is written.
 */
export type CommentType = 'publicReply' | 'internalNote';

export interface EditorState {
  readonly type: CommentType | undefined;
  /** The editor's content as Zendesk gives it (HTML or text); empty when nothing is written. */
  readonly content: string;
}

export type InsertDecision =
  /** Write it. */
  | { readonly kind: 'insert' }
  /** Refuse: the editor holds text of the other type, which inserting would change. */
  | { readonly kind: 'refuse'; readonly reason: 'other-type'; readonly editorType: CommentType }
  /** Ask first: this reply is already in the editor, or was inserted on this ticket before. */
  | { readonly kind: 'confirm'; readonly reason: 'twice' };

/** Text an editor shows, without markup or whitespace, so empty paragraphs count as empty. */
export function visibleText(content: string): string {
  return content
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function decideInsert(options: {
  readonly wanted: CommentType;
  readonly editor: EditorState;
  /** The reply's text as it would be inserted. */
  readonly replyText: string;
  /** Whether this template was already inserted on this ticket (in this browser). */
  readonly insertedBefore: boolean;
  /** The agent has already said yes to inserting it again. */
  readonly confirmed: boolean;
}): InsertDecision {
  const written = visibleText(options.editor.content);
  if (written !== '' && options.editor.type !== undefined && options.editor.type !== options.wanted) {
    return { kind: 'refuse', reason: 'other-type', editorType: options.editor.type };
  }
  if (options.confirmed) return { kind: 'insert' };
  const reply = visibleText(options.replyText);
  // A long enough opening of the reply already in the editor means it was inserted there.
  const opening = reply.slice(0, 80);
  const alreadyThere = opening.length >= 20 && written.includes(opening);
  if (alreadyThere || options.insertedBefore) return { kind: 'confirm', reason: 'twice' };
  return { kind: 'insert' };
}
