/** The URLs of the pages' packed dataset and of the figures' notes (build/packed-data.ts). */
declare module 'virtual:packed-dataset' {
  const url: string;
  export default url;
}
declare module 'virtual:packed-notes' {
  const url: string;
  export default url;
}
