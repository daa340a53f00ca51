/**
 * Fixed bounds of the reader. A filled form is about 250 KB and its datasets packet a few KB, so
 * the bounds leave wide room for real forms and none for a file built to exhaust memory.
 */
/** Largest file the reader opens. */
export const MAX_FORM_FILE_BYTES = 10 * 1024 * 1024;
/** Largest size one XFA packet may inflate to; past it the stream is refused. */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;
/** Largest size the PDF's object and cross-reference streams may inflate to together. */
export const MAX_OBJECT_STREAMS_BYTES = 32 * 1024 * 1024;
/** Deepest element nesting accepted in the datasets XML (the form nests about ten levels). */
export const MAX_XML_DEPTH = 64;
/** Most elements accepted in the datasets XML (the form has about 150). */
export const MAX_XML_ELEMENTS = 50_000;
