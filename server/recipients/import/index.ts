/** Recipient list import: CSV and XLSX uploads in, typed rows and problems out; CSV export back. */
export { parseRecipientFile } from './importer';
export { writeCsv, type CsvWriteOptions } from './csv-writer';
export { ImportError, IMPORT_ERROR_CODES, type ImportErrorCode, type ImportErrorDetails } from './import-error';
export {
  COLUMN_TYPES, type CellValue, type ColumnType, type ImportProblem, type ParseInput, type ParsedColumn, type ParsedList,
} from './types';
