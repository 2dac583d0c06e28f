import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm island palette: lagoon teal for actions, with enough depth at shade 7 for white text (≥ 4.5:1).
const lagoon: MantineColorsTuple = [
  '#e6fcf8',
  '#c3f2ea',
  '#96e6d8',
  '#63d6c4',
  '#3cc4b1',
  '#22b3a0',
  '#14998a',
  '#0d7f73',
  '#0a6a61',
  '#07564f',
];

export const theme = createTheme({
  primaryColor: 'lagoon',
  primaryShade: { light: 7, dark: 5 },
  colors: { lagoon },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Paper: { defaultProps: { radius: 'md' } },
  },
});
