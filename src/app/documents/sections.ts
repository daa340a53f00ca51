/** The steps' document sections, loaded together (one chunk) when a step that makes one is shown. */
export { DcocLine } from './DcocLine';
export { MinhapDocument } from './MinhapDocument';
export { TrackingRows } from './TrackingRows';
export { EnsListSection } from './EnsListSection';
