module.exports = { ...require('../../jest.preset.js'), displayName: 'placement', rootDir: __dirname };
