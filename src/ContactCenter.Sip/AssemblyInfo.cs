namespace ContactCenter.Sip;
