export * from './registry';
export * from './render';
export * from './variables';
export { htmlToText } from './html-to-text';
