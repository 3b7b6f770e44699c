module.exports = { ...require('../../jest.preset.js'), displayName: 'usage', rootDir: __dirname };
