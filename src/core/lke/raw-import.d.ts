// Vite and Vitest load `?raw` imports as text; tests use it to read the template without touching `fs`.
declare module '*.yaml?raw' {
  const text: string;
  export default text;
}
