from . import inspection_month
