namespace ContactCenter.Data;
