/**
 * A second app process on the same database, for tests that split requests across instances.
 * Serves HTTP on PORT and prints "ready" once it listens; stops on SIGTERM.
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');

createStrapi({ appDir, distDir: path.join(appDir, 'dist') })
  .start()
  .then((app) => {
    process.stdout.write('ready\n');
    process.on('SIGTERM', () => {
      app.destroy().finally(() => process.exit(0));
    });
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
