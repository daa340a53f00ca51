// jsdom lacks matchMedia, which Zendesk Garden reads (for reduced motion and colour schemes).
if (typeof window !== 'undefined' && typeof window.matchMedia !== 'function') {
  Object.defineProperty(window, 'matchMedia', {
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

// findBy/waitFor give up after 1 s by default: on a busy 2-core machine one render of the whole
// sidebar can take longer than that, and the test then fails for no fault of the app. The limit is
// a ceiling, not a wait: passing tests return as soon as the element shows.
if (typeof window !== 'undefined') {
  const { configure } = await import('@testing-library/dom');
  configure({ asyncUtilTimeout: 10_000 });
}

export {};
