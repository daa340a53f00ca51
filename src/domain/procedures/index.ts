export * from './schema';
export * from './conditions';
export * from './engine';
export { library, loadLibrary, ProcedureFileError, PROCEDURE_FILES } from './library';
export { windowStatus } from './windows';
export { correctClassification, flagsFor, type Correction } from './corrections';
