// A browser test file's world: what serves the pages, started once, and Chromium, whose page
// script errors fail the test that caused them.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { useStarted, type Closable } from './lifecycle.js';

export interface BrowserStack<S> {
  /** What `start` returned (a listening repair stack, an API). */
  stack(): S;
  browser(): Browser;
  /** A page in a context of its own, closed after the file; its script errors are collected. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** The script errors collected since the last test ended. */
  pageErrors(): readonly string[];
}

/** Registers the hooks: `start` then Chromium before the tests, a check for page errors after each, all closed after them. */
export function useBrowserStack<S extends Closable>(start: () => Promise<S>): BrowserStack<S> {
  const stack = useStarted(start);
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });
  // Runs before the stack's own afterAll (after-hooks run as a stack): pages go before their server.
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });
  const launched = () => {
    if (!browser) throw new Error('Chromium is not launched: open pages inside a test or a hook.');
    return browser;
  };
  return {
    stack,
    browser: launched,
    newPage: async (options = {}) => {
      const context = await launched().newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      return page;
    },
    pageErrors: () => pageErrors,
  };
}
