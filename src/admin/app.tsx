/** The admin offers French (English stays the fallback); each user picks it in their profile. */
export default {
  config: {
    locales: ['fr'],
  },
  bootstrap() {},
};
