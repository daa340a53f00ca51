export * from './schema';
export { readForm, type ReadFormOptions } from './read';
export { FORM_CHECKBOXES, type FormCheckbox } from './checkboxes';
export { judgeIp, splitIpList, type IpVerdict } from './ip';
export { MAX_FORM_FILE_BYTES, MAX_INFLATED_BYTES } from './limits';
