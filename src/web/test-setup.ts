// Browser APIs Mantine expects that happy-dom does not provide. Import at the top of every component test.
import { afterEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { asyncUiTimeout } from '../../test/support/timeouts.ts';

// A lazy route or a query may take seconds on a busy machine; waiting longer costs nothing when it is quick.
configure({ asyncUtilTimeout: asyncUiTimeout });

if (typeof window !== 'undefined') {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    configurable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });

  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', {
    writable: true,
    configurable: true,
    value: ResizeObserverStub,
  });
  Object.defineProperty(globalThis, 'ResizeObserver', {
    writable: true,
    configurable: true,
    value: ResizeObserverStub,
  });
  window.scrollTo = () => {};
  // Textarea autosize listens for web fonts loading; happy-dom has no FontFaceSet.
  if (!('fonts' in document) || !document.fonts) {
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
    });
  }
  Element.prototype.scrollIntoView = function scrollIntoView() {};
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
