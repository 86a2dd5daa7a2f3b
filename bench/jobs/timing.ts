// Wall time, CPU time and peak memory around one measured part of a job.
export interface Timed {
  messages: number;
  wallMs: number;
  cpuMs: number;
  perSecond: number;
  perCpuSecond: number;
  maxRssMb: number;
}

export async function timed(messages: number, work: () => Promise<void> | void): Promise<Timed> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await work();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { messages, wallMs, cpuMs, perSecond: messages / (wallMs / 1000), perCpuSecond: messages / (cpuMs / 1000), maxRssMb: process.resourceUsage().maxRSS / 1024 };
}
