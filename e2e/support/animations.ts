import type { Locator } from '@playwright/test';

/**
 * Waits until the element and everything in it have finished their CSS animations and transitions
 * (a dialog fades in): axe measures colour contrast with the opacity of the moment, so it must look
 * at the final state. A condition, not a fixed wait.
 */
export async function animationsFinished(locator: Locator): Promise<void> {
  await locator.evaluate(async (element) => {
    await Promise.all(element.getAnimations({ subtree: true }).map((animation) => animation.finished.catch(() => undefined)));
  });
}
