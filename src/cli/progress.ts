// A spinner on stderr for long runs, on a terminal only, and only once the run has lasted 300 ms:
// quick runs and pipelines stay silent. Plain (no colour) under --no-color, NO_COLOR or FORCE_COLOR=0.
import { formatMessage, type Lang } from '../messages/index.js';

export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/** ora's options for our spinner: its frame is coloured only when the run is. */
export function spinnerOptions(lang: Lang, color: boolean): { stream: NodeJS.WriteStream; text: string; discardStdin: false; color: 'cyan' | false } {
  return { stream: process.stderr, text: progressText(lang, 0, 0), discardStdin: false, color: color ? 'cyan' : false };
}

export function progressText(lang: Lang, done: number, total: number): string {
  return formatMessage('check/progress', { done, total }, { lang });
}

export async function delayedSpinner(lang: Lang, color: boolean): Promise<Progress> {
  // A terminal without a width (some ptys) makes ora's line counting loop: no spinner there.
  if (!process.stderr.isTTY || !(process.stderr.columns > 0)) return SILENT;
  const { default: ora } = await import('ora');
  const spinner = ora(spinnerOptions(lang, color));
  const timer = setTimeout(() => spinner.start(), 300);
  return {
    update: (done, total) => {
      spinner.text = progressText(lang, done, total);
    },
    stop: () => {
      clearTimeout(timer);
      if (spinner.isSpinning) spinner.stop();
    },
  };
}
