import { SaxesParser } from 'saxes';
import { FormReadError } from './failure';
import { MAX_XML_DEPTH, MAX_XML_ELEMENTS } from './limits';

/**
 * A small element tree of the XFA datasets packet. The parser never loads a DTD and never expands
 * an entity of its own: a document with a DOCTYPE is refused outright (the form's packet never has
 * one), and saxes refuses any entity other than XML's five predefined ones and character
 * references.
 */
export interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  text: string;
}

export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', children: [], text: '' };
  const stack: XmlElement[] = [root];
  let count = 0;
  const parser = new SaxesParser({ xmlns: false, position: false });
  const refuse = (message: string): never => {
    throw new FormReadError('unreadable', 'XML_REFUSED', message);
  };
  parser.on('doctype', () => refuse('The form data declares a DTD (DOCTYPE); it is refused unread.'));
  parser.on('opentag', (tag) => {
    count += 1;
    if (count > MAX_XML_ELEMENTS) refuse(`The form data has more than ${String(MAX_XML_ELEMENTS)} elements.`);
    if (stack.length > MAX_XML_DEPTH) refuse(`The form data nests deeper than ${String(MAX_XML_DEPTH)} levels.`);
    const element: XmlElement = { name: localName(tag.name), children: [], text: '' };
    stack[stack.length - 1]?.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (text: string): void => {
    const current = stack[stack.length - 1];
    if (current !== undefined && current !== root) current.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (error) => {
    if (error instanceof FormReadError) throw error;
    refuse(`The form data is not well-formed XML (${error.message}).`);
  });
  try {
    parser.write(source).close();
  } catch (error) {
    if (error instanceof FormReadError) throw error;
    refuse(`The form data is not well-formed XML (${error instanceof Error ? error.message : 'unknown error'}).`);
  }
  return root;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The first element at `path` below `from` (names without prefixes), or undefined. */
export function child(from: XmlElement | undefined, ...path: readonly string[]): XmlElement | undefined {
  let at = from;
  for (const name of path) {
    if (at === undefined) return undefined;
    at = at.children.find((c) => c.name === name);
  }
  return at;
}

/** The trimmed text of the element at `path`, or null when absent or empty. */
export function textAt(from: XmlElement | undefined, ...path: readonly string[]): string | null {
  const element = child(from, ...path);
  if (element === undefined) return null;
  const value = element.text.replace(/\r\n?/g, '\n').trim();
  return value === '' ? null : value;
}
