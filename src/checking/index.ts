/** Public surface of the cross-checker (pure: no Nest, no TypeORM). */
export {
  checkExitCode,
  checkFile,
  checkFiles,
  checkFileWithSource,
  checkReportJson,
  checkText,
  checkTexts,
  checkUploads,
  type CheckFilesOutcome,
  type CheckInput,
} from './check';
export { ALL_FINDING_CODES, FINDING_CODES } from './codes';
export { formatCheckHtml, formatCheckText } from './report';
export { bytesToText, extractFile, fileToText, SUPPORTED_EXTENSIONS } from './extract';
export { benchCheck, type CheckBench } from './bench';
export type {
  CheckContext,
  CheckFileResult,
  ContextFigure,
  ExtractedDoc,
  Finding,
  FindingCode,
  KnownDocument,
  Severity,
} from './types';
