/** The URLs of the pages' packed datasets (build/packed-data.ts). */
declare module 'virtual:packed-dataset' {
  const url: string;
  export default url;
}
declare module 'virtual:packed-dataset-lean' {
  const url: string;
  export default url;
}
