namespace ContactCenter.Core;
