import { Option, type Command } from 'commander';
import { listJobs, type JobRow } from '../../jobs/list-jobs.js';
import { contextOf } from '../context.js';

export function registerJobs(program: Command): void {
  program
    .command('jobs')
    .summary('the background jobs (screening after a list update, re-screening changed persons) with state and progress')
    .description(
      'Lists the newest background jobs — unfinished ones and those of the last 12 hours, newest first — with their\n'
      + 'state (created, active, retry, completed, failed), attempts, progress and, for a failed attempt, the error.\n'
      + 'Every running server works the queue; jobs queued while none runs are done once one starts.',
    )
    .option('--queue <queue>', 'only this queue: screen-registry or rescreen-persons')
    .option('--limit <n>', 'at most this many jobs', '50')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  imketen jobs\n  imketen jobs --queue screen-registry --format json')
    .action(async (options: { queue?: string; limit: string; format: 'text' | 'json' }, command: Command) => {
      const context = contextOf(command);
      const jobs = await context.withStore((db) => listJobs(db, { queue: options.queue, limit: Math.max(1, Number.parseInt(options.limit, 10) || 50) }));
      context.stdout.write(options.format === 'json' ? `${JSON.stringify(jobs, null, 2)}\n` : renderJobs(jobs));
    });
}

function renderJobs(jobs: readonly JobRow[]): string {
  if (jobs.length === 0) return 'No background jobs.\n';
  return jobs.map((job) => {
    const progress = job.total ? ` ${job.done}/${job.total}` : '';
    const attempts = job.retryCount > 0 ? ` (attempt ${job.retryCount + 1} of ${job.retryLimit + 1})` : '';
    const detail = job.error ?? job.note;
    return `${job.createdAt}  ${job.queue.padEnd(16)} ${job.state.padEnd(9)}${progress}${attempts}  ${job.id}${detail ? `\n    ${detail}` : ''}\n`;
  }).join('');
}
