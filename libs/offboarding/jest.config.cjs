module.exports = { ...require('../../jest.preset.js'), displayName: 'offboarding', rootDir: __dirname };
