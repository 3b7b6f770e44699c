module.exports = { ...require('../../jest.preset.js'), displayName: 'data-isolation', rootDir: __dirname };
