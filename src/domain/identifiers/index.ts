export * from './result';
export * from './nif';
export * from './ine';
export * from './dir3';
