// What start-up is measured up to: createApp on the given database, then one message from a
// registered person answered; prints "READY" with the memory at that moment.
import { createApp } from '../src/app';

const [dbPath, userId] = process.argv.slice(-2);
const app = createApp({ dbPath: dbPath! });
const replies = app.engine.handle({ address: { channel: 'telegram', userId: userId! }, messageId: `startup-${process.pid}`, content: { kind: 'text', text: 'help' } });
if (replies.length === 0) throw new Error('no answer');
process.stdout.write(`READY ${JSON.stringify({ rssMb: process.memoryUsage().rss / 1048576, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
app.close();
