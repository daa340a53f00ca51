import { describe, expect, it } from 'vitest';
import { decideInsert, visibleText } from '../../../src/app/replies/insert-guard';

const reply = '<p>Bon dia,</p><p>Us confirmem que hem donat d’alta la integració a preproducció.</p>';

describe('decideInsert', () => {
  it('inserts into an empty editor of either type (an empty editor may change type)', () => {
    for (const type of ['publicReply', 'internalNote'] as const) {
      expect(
        decideInsert({
          wanted: 'internalNote',
          editor: { type, content: '<p><br></p>' },
          replyText: reply,
          insertedBefore: false,
          confirmed: false,
        }),
      ).toEqual({ kind: 'insert' });
    }
  });

  it('refuses to add to text of the other type, even when the agent confirmed a repeat', () => {
    for (const confirmed of [false, true]) {
      expect(
        decideInsert({
          wanted: 'publicReply',
          editor: { type: 'internalNote', content: '<p>Nota: esperem el col·legi</p>' },
          replyText: reply,
          insertedBefore: false,
          confirmed,
        }),
      ).toEqual({ kind: 'refuse', reason: 'other-type', editorType: 'internalNote' });
    }
  });

  it('asks before inserting a reply already in the editor, or inserted on this ticket before', () => {
    const base = { wanted: 'publicReply' as const, replyText: reply, confirmed: false };
    expect(decideInsert({ ...base, editor: { type: 'publicReply', content: reply }, insertedBefore: false })).toEqual({
      kind: 'confirm',
      reason: 'twice',
    });
    expect(decideInsert({ ...base, editor: { type: 'publicReply', content: '' }, insertedBefore: true })).toEqual({
      kind: 'confirm',
      reason: 'twice',
    });
    expect(
      decideInsert({ ...base, editor: { type: 'publicReply', content: reply }, insertedBefore: true, confirmed: true }),
    ).toEqual({ kind: 'insert' });
  });

  it('adds a different reply to text of the same type without asking', () => {
    expect(
      decideInsert({
        wanted: 'publicReply',
        editor: { type: 'publicReply', content: '<p>Hola, una altra cosa que us volia dir.</p>' },
        replyText: reply,
        insertedBefore: false,
        confirmed: false,
      }),
    ).toEqual({ kind: 'insert' });
  });
});

describe('visibleText', () => {
  it('drops markup, non-breaking spaces and runs of whitespace', () => {
    expect(visibleText('<p>&nbsp;</p><p> a&nbsp; <b>b</b>\n c </p>')).toBe('a b c');
  });
});
