module.exports = { ...require('../../jest.preset.js'), displayName: 'mongo-emulator', rootDir: __dirname };
