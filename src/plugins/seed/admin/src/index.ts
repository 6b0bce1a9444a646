/** The SEED in the admin panel: registered so that later screens have their home. */
export default {
  register(app: { registerPlugin: (plugin: { id: string; name: string }) => void }) {
    app.registerPlugin({ id: 'seed', name: 'SEED' });
  },
};
