// Telegram uses the channels' shared timing.
export { realTiming, type Timing } from '../timing';
