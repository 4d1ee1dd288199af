/**
 * Stands in for @uwdata/flechette, Arquero's Apache Arrow support, which this app never uses: the data
 * are CSV. Saves 11 kB gzip on every page. Calling any of it says so.
 */
const unused = (): never => {
  throw new Error('Apache Arrow is not part of this app: the data are CSV');
};
export const columnFromArray = unused;
export const columnFromValues = unused;
export const tableFromColumns = unused;
export const tableFromIPC = unused;
export const tableToIPC = unused;
// Type names Arquero imports for its documentation only.
export const ExtractionOptions = undefined;
export const TableBuilderOptions = undefined;
