module.exports = { ...require('../../jest.preset.js'), displayName: 'rate-limiting', rootDir: __dirname };
