/** The URL of the embed's figures file (build/lean-figures.ts). */
declare module 'virtual:figures-lean.csv' {
  const url: string;
  export default url;
}
