/**
 * Entry point of the hub process (`npm start`). Sets process-wide tuning before anything loads:
 * a small libuv thread pool (the hub does its database work synchronously; the pool only hashes
 * passwords and reads static files), which also keeps glibc from growing one memory arena per
 * thread around the 16 MiB scrypt buffers.
 */
process.env.UV_THREADPOOL_SIZE ??= '2';

const { main } = await import('./run');
main().catch((e: unknown) => {
  process.stderr.write(`Không khởi động được máy chủ: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});

export {};
