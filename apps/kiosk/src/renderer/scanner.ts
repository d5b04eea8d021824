/** The keyboard-wedge scanner detector is shared with the counter: it lives in @qms/ui. */
export { listenForScans, ScanDetector, type ScanDetectorOptions } from '@qms/ui';
